var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DateTime } from '../../graphql/common.types.js';
import { ReportBucket, UsageReportView } from './report.types.js';
import { authorize } from '../../auth/authorize.js';
import { parseOptionalId } from '../../shared/ids.js';
let ReportResolver = class ReportResolver {
    async usageReport(from, to, bucket, { caller, services }, siteId) {
        const site = parseOptionalId(siteId, 'siteId');
        authorize(caller, 'reports:read', site);
        return services.reports.usage(site, from, to, bucket);
    }
};
__decorate([
    Query(() => UsageReportView),
    __param(0, Arg('from', () => DateTime)),
    __param(1, Arg('to', () => DateTime)),
    __param(2, Arg('bucket', () => ReportBucket)),
    __param(3, Ctx()),
    __param(4, Arg('siteId', () => ID, { nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Date,
        Date, String, Object, String]),
    __metadata("design:returntype", Promise)
], ReportResolver.prototype, "usageReport", null);
ReportResolver = __decorate([
    Resolver()
], ReportResolver);
export { ReportResolver };
//# sourceMappingURL=report.resolver.js.map
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, Money } from '../../graphql/common.types.js';
export const ReportBucket = { HOUR: 'HOUR', DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };
registerEnumType(ReportBucket, { name: 'ReportBucket' });
let UsageBucketView = class UsageBucketView {
};
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], UsageBucketView.prototype, "start", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], UsageBucketView.prototype, "deposits", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], UsageBucketView.prototype, "retrievals", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], UsageBucketView.prototype, "averageStorageMinutes", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], UsageBucketView.prototype, "peakOccupied", void 0);
__decorate([
    Field(() => Money),
    __metadata("design:type", Money)
], UsageBucketView.prototype, "revenue", void 0);
UsageBucketView = __decorate([
    ObjectType('UsageBucket')
], UsageBucketView);
export { UsageBucketView };
let UsageReportView = class UsageReportView {
};
__decorate([
    Field(() => ID, { nullable: true }),
    __metadata("design:type", Object)
], UsageReportView.prototype, "siteId", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], UsageReportView.prototype, "from", void 0);
__decorate([
    Field(() => DateTime),
    __metadata("design:type", Date)
], UsageReportView.prototype, "to", void 0);
__decorate([
    Field(() => ReportBucket),
    __metadata("design:type", String)
], UsageReportView.prototype, "bucket", void 0);
__decorate([
    Field(() => [UsageBucketView]),
    __metadata("design:type", Array)
], UsageReportView.prototype, "buckets", void 0);
UsageReportView = __decorate([
    ObjectType('UsageReport')
], UsageReportView);
export { UsageReportView };
//# sourceMappingURL=report.types.js.map
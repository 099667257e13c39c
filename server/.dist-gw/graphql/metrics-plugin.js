/** Times root fields (operations), which is what callers feel; nested fields would add noise and cost. */
export function metricsPlugin(metrics) {
    return {
        async requestDidStart() {
            return {
                async executionDidStart() {
                    return {
                        willResolveField({ info }) {
                            if (info.path.prev !== undefined)
                                return;
                            const end = metrics.resolverDuration.startTimer({ field: `${info.parentType.name}.${info.fieldName}` });
                            return () => end();
                        },
                    };
                },
            };
        },
    };
}
//# sourceMappingURL=metrics-plugin.js.map
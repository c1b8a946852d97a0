package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;

/**
 * Every port one Temporal server node listens on (127.0.0.1): gRPC and ringpop membership per service, the
 * frontend's HTTP API and the Prometheus metrics. Two nodes on one machine need disjoint sets.
 */
public record NodePorts(int frontend, int frontendHttp, int frontendMembership, int history, int historyMembership,
                        int matching, int matchingMembership, int worker, int workerMembership, int metrics) {

    /**
     * All free and below 32768 (see {@link Ports#freeLowPorts}), the frontend's on {@code frontend} when given
     * (> 0), e.g. the usual 7233 of the local stack.
     */
    public static NodePorts free(int frontend) {
        int[] p = Ports.freeLowPorts(10);
        return new NodePorts(frontend > 0 ? frontend : p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
    }

    public String frontendTarget() {
        return Ports.LOOPBACK + ":" + frontend;
    }
}

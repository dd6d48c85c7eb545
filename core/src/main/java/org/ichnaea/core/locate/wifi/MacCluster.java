package org.ichnaea.core.locate.wifi;

import java.util.List;

/** The position of one cluster of networks: estimate, accuracy, total score and the sample it was computed from. */
public record MacCluster(double lat, double lon, double accuracy, double score, List<MacNetwork> sample) {
}

package org.ichnaea.core.locate.wifi;

import org.ichnaea.core.locate.NetworkType;

/** The constants of the Wi-Fi and Bluetooth position searches (docs/algorithms.md §2, docs/algorithms.md §5). */
public enum MacKind {
    WIFI(NetworkType.WIFI, 500, 10, 500, 20, -100),
    BLUE(NetworkType.BLUE, 100, 10, 50, 10, -127);

    private final NetworkType type;
    private final double maxClusterDistance;
    private final double minAccuracy;
    private final double maxAccuracy;
    private final int maxNetworks;
    private final int minSignal;

    MacKind(NetworkType type, double maxClusterDistance, double minAccuracy, double maxAccuracy, int maxNetworks,
            int minSignal) {
        this.type = type;
        this.maxClusterDistance = maxClusterDistance;
        this.minAccuracy = minAccuracy;
        this.maxAccuracy = maxAccuracy;
        this.maxNetworks = maxNetworks;
        this.minSignal = minSignal;
    }

    public NetworkType type() {
        return type;
    }

    /** Every pair of networks in one cluster is at most this far apart, in metres. */
    public double maxClusterDistance() {
        return maxClusterDistance;
    }

    public double minAccuracy() {
        return minAccuracy;
    }

    public double maxAccuracy() {
        return maxAccuracy;
    }

    /** How many networks of a cluster go into its position (the highest-scoring ones). */
    public int maxNetworks() {
        return maxNetworks;
    }

    /** The signal assumed for a network the client gave none for, in dBm. */
    public int minSignal() {
        return minSignal;
    }
}

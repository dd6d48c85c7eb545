package org.ichnaea.core.radio;

import java.util.Optional;

/**
 * A cell as a client saw it. Radio, MCC and MNC are always valid; the area code and cell id may be missing (a
 * neighbour record), which makes the entry usable for an area lookup only, or not at all.
 */
public record CellObservation(RadioType radio, int mcc, int mnc, Integer lac, Long cid, Integer psc, Integer age,
                              Integer signal, Integer asu, Integer ta) {

    /** Largest NR physical cell id. */
    public static final int MAX_NR_PCI = 1007;

    public CellObservation {
        if (radio == null || !radio.isSupported()) {
            throw new IllegalArgumentException("unsupported radio " + radio);
        }
    }

    /**
     * Validates raw client values (docs/algorithms.md §1 with the NR extension of docs/api.md "Lenient parsing").
     * Returns empty when the radio is missing, unknown or CDMA, when the MCC is not in {@code mccs}, or the MNC is
     * outside 0..999. Out-of-range optional fields become null. A GSM cell id above 65535 makes the cell WCDMA; an LTE
     * PSC above 503 is dropped; WCDMA never has a timing advance.
     */
    public static Optional<CellObservation> validate(String radioName, Long mcc, Long mnc, Long lac, Long cid,
                                                     Long psc, Long age, Long signal, Long asu, Long ta,
                                                     MobileCountryCodes mccs) {
        Optional<RadioType> parsed = RadioType.parse(radioName);
        if (parsed.isEmpty() || !parsed.get().isSupported()) {
            return Optional.empty();
        }
        RadioType radio = parsed.get();
        if (mcc == null || mcc < 1 || mcc > 999 || !mccs.isValid((int) (long) mcc)) {
            return Optional.empty();
        }
        if (mnc == null || mnc < 0 || mnc > 999) {
            return Optional.empty();
        }
        radio = CellId.radioOf(radio, cid);
        Integer validLac = Ranges.intIn(lac, 1, CellId.maxLac(radio));
        Long validCid = Ranges.longIn(cid, 1, CellId.maxCid(radio));
        Integer validPsc = switch (radio) {
            case LTE -> Ranges.intIn(psc, 0, 503);
            case NR -> Ranges.intIn(psc, 0, MAX_NR_PCI);
            default -> Ranges.intIn(psc, 0, 511);
        };
        Integer validTa = switch (radio) {
            case WCDMA -> null;
            case NR -> Ranges.intIn(ta, 0, 3846);
            default -> Ranges.intIn(ta, 0, 63);
        };
        Long sig = signal;
        Long rawAsu = asu;
        if (rawAsu != null && rawAsu < -5 && (sig == null || sig >= 0)) {
            sig = rawAsu;
            rawAsu = null;
        }
        final RadioType r = radio;
        Integer validSignal = sig != null && r.isValidSignal(sig) ? (int) (long) sig : null;
        Integer validAsu = rawAsu != null && r.isValidAsu(rawAsu) ? (int) (long) rawAsu : null;
        if (validSignal == null && validAsu != null) {
            validSignal = r.signalFromAsu(validAsu);
        }
        return Optional.of(new CellObservation(radio, (int) (long) mcc, (int) (long) mnc, validLac, validCid,
                validPsc, Ranges.age(age), validSignal, validAsu, validTa));
    }

    /** The area this cell belongs to, when the area code is known. */
    public Optional<CellAreaId> areaId() {
        return lac == null ? Optional.empty() : Optional.of(new CellAreaId(radio, mcc, mnc, lac));
    }

    /** The full cell id, when both area code and cell id are known. */
    public Optional<CellId> cellId() {
        return lac == null || cid == null ? Optional.empty() : Optional.of(new CellId(radio, mcc, mnc, lac, cid));
    }
}

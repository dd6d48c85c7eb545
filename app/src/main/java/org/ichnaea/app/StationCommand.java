package org.ichnaea.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ichnaea.core.radio.CellId;
import org.ichnaea.core.radio.MacAddress;
import org.ichnaea.core.radio.RadioType;
import org.ichnaea.core.station.CellStation;
import org.ichnaea.core.station.MacStation;
import org.ichnaea.core.station.MacStationStore;
import org.ichnaea.core.station.StationData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code station delete|block wifi|blue|cell ...}: removes a network the service learned, or blocks it for good so
 * that the pipeline never learns it again (an opt-out request for a MAC, a cell that is wrong). A block is
 * {@link StationData#blockedForGood}: the station keeps no position and its {@code block_last} is 9999-12-31, so every
 * later observation of it is dropped. {@code station delete} also lifts a block: the network may then be learned
 * again from new submissions.
 */
@Command(name = "station", description = "Delete stations, or block them so that they are never learned again.",
        subcommands = {StationCommand.Delete.class, StationCommand.Block.class})
final class StationCommand extends CommandGroup {

    /** The networks named on the command line: MACs of one kind, or one cell. */
    record Target(String kind, List<MacAddress> macs, CellId cell) {

        static Target parse(String kind, List<String> args) {
            String k = kind.toLowerCase(Locale.ROOT);
            switch (k) {
                case "wifi", "blue" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException(k + ": give one or more MAC addresses");
                    }
                    Set<MacAddress> macs = new LinkedHashSet<>();
                    for (String arg : args) {
                        macs.add(MacAddress.parse(arg).orElseThrow(() ->
                                new IllegalArgumentException("not a MAC address: " + arg)));
                    }
                    return new Target(k, List.copyOf(macs), null);
                }
                case "cell" -> {
                    if (args.size() != 5) {
                        throw new IllegalArgumentException("cell: give RADIO MCC MNC LAC CID "
                                + "(e.g. lte 262 2 812 12345)");
                    }
                    RadioType radio = RadioType.parse(args.get(0)).filter(r -> r != RadioType.CDMA)
                            .orElseThrow(() -> new IllegalArgumentException("radio: gsm, wcdma (umts), lte or nr, "
                                    + "not " + args.get(0)));
                    long cid = number(args.get(4), "cid");
                    // A "GSM" cell with a cell id above 16 bits is stored as WCDMA (the rule of submit, query and
                    // import), so it is looked up there.
                    radio = CellId.radioOf(radio, cid);
                    return new Target(k, List.of(), new CellId(radio, (int) number(args.get(1), "mcc"),
                            (int) number(args.get(2), "mnc"), (int) number(args.get(3), "lac"), cid));
                }
                default -> throw new IllegalArgumentException("kind: wifi, blue or cell, not " + kind);
            }
        }

        private static long number(String text, String what) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": not a whole number: " + text);
            }
        }

        MacStationStore macStore(Application app) {
            return "wifi".equals(kind) ? app.wifi : app.blue;
        }

        String name(MacAddress mac) {
            return kind + " " + mac.hex();
        }
    }

    abstract static class TargetArgs extends SettingsCommand {
        @Parameters(index = "0", paramLabel = "KIND", description = "wifi, blue or cell.")
        String kind;
        @Parameters(index = "1..*", paramLabel = "ID", arity = "1..*", description = "wifi and blue: one or more "
                + "MAC addresses (any separators); cell: RADIO MCC MNC LAC CID, RADIO one of gsm, wcdma (umts), lte, "
                + "nr.")
        List<String> ids = new ArrayList<>();
    }

    @Command(name = "delete", description = "Delete stations (a blocked one too, which lifts its block); exits 1 "
            + "if none of them was stored.")
    static final class Delete extends TargetArgs {
        @Override
        public Integer call() {
            Target target = Target.parse(kind, ids);
            try (Application app = Application.openForCommand(settings())) {
                int deleted = 0;
                if (target.cell() != null) {
                    CellId id = target.cell();
                    boolean stored = !app.cells.findAll(List.of(id)).isEmpty();
                    if (stored) {
                        app.cells.deleteAll(List.of(id));
                        app.areaUpdater(Clock.systemUTC()).update(List.of(id.area()));
                        deleted++;
                    }
                    System.out.println((stored ? "deleted cell " : "no cell ") + id);
                } else {
                    MacStationStore store = target.macStore(app);
                    Set<MacAddress> stored = new java.util.HashSet<>();
                    store.findAll(target.macs()).forEach(s -> stored.add(s.mac()));
                    store.deleteAll(stored);
                    for (MacAddress mac : target.macs()) {
                        System.out.println((stored.contains(mac) ? "deleted " : "no ") + target.name(mac));
                    }
                    deleted = stored.size();
                }
                return deleted > 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "block", description = "Block stations for good: their position is removed, and the pipeline "
            + "drops every later observation of them instead of learning them again. A network never seen is "
            + "blocked too.")
    static final class Block extends TargetArgs {
        @Override
        public Integer call() {
            Target target = Target.parse(kind, ids);
            Instant now = Instant.now();
            try (Application app = Application.openForCommand(settings())) {
                if (target.cell() != null) {
                    CellId id = target.cell();
                    boolean[] known = {false};
                    app.cells.update(List.of(id), locked -> {
                        CellStation existing = locked.get(id);
                        known[0] = existing != null;
                        return List.of(new CellStation(id, null, StationData.blockedForGood(
                                existing == null ? null : existing.data(), now)));
                    });
                    // The cell no longer counts towards its area's position and size.
                    app.areaUpdater(Clock.systemUTC()).update(List.of(id.area()));
                    System.out.println("blocked cell " + id + (known[0] ? "" : " (not stored before)"));
                } else {
                    Set<MacAddress> known = new java.util.HashSet<>();
                    target.macStore(app).update(target.macs(), locked -> {
                        known.clear();
                        known.addAll(locked.keySet());
                        List<MacStation> blocked = new ArrayList<>();
                        for (MacAddress mac : target.macs()) {
                            MacStation existing = locked.get(mac);
                            blocked.add(new MacStation(mac, StationData.blockedForGood(
                                    existing == null ? null : existing.data(), now)));
                        }
                        return blocked;
                    });
                    for (MacAddress mac : target.macs()) {
                        System.out.println("blocked " + target.name(mac)
                                + (known.contains(mac) ? "" : " (not stored before)"));
                    }
                }
            }
            return 0;
        }
    }
}

package org.contextencoder.train;

import org.contextencoder.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-epoch training and validation loss, as {@code history.csv} ({@code epoch,train_loss,val_loss,seconds}, then a
 * column for each of a training step's other losses, if it has any).
 */
public final class LossHistory {

    static final String HEADER = "epoch,train_loss,val_loss,seconds";
    private final List<EpochRecord> records = new ArrayList<>();

    public void add(EpochRecord record) {
        records.add(record);
    }

    public List<EpochRecord> records() {
        return Collections.unmodifiableList(records);
    }

    public int size() {
        return records.size();
    }

    public EpochRecord last() {
        return records.get(records.size() - 1);
    }

    /** The epoch with the lowest validation loss. */
    public EpochRecord best() {
        return records.stream().min((a, b) -> Double.compare(a.valLoss(), b.valLoss()))
                .orElseThrow(() -> new IllegalStateException("no epoch recorded yet"));
    }

    public double totalSeconds() {
        return records.stream().mapToDouble(EpochRecord::seconds).sum();
    }

    public String toCsv() {
        List<String> others = otherLossNames();
        StringBuilder sb = new StringBuilder(HEADER);
        others.forEach(name -> sb.append(',').append(name));
        sb.append('\n');
        for (EpochRecord r : records) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.1f", r.epoch(), r.trainLoss(), r.valLoss(),
                    r.seconds()));
            for (String name : others) {
                Double loss = r.otherLosses().get(name);
                sb.append(',').append(loss == null ? "" : String.format(Locale.ROOT, "%.6f", loss));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The names of the other losses any epoch recorded, in the order they first appear. */
    private List<String> otherLossNames() {
        Set<String> names = new LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.otherLosses().keySet()));
        return List.copyOf(names);
    }

    public void write(Path file) {
        AtomicFiles.write(file, toCsv());
    }

    public static LossHistory read(Path file) {
        LossHistory h = new LossHistory();
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                Map<String, Double> others = new LinkedHashMap<>();
                for (int i = 4; i < f.length; i++) {
                    if (!f[i].isEmpty()) others.put(header[i], Double.parseDouble(f[i]));
                }
                h.add(new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        f.length > 3 ? Double.parseDouble(f[3]) : 0, others));
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read loss history " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a loss history (" + e.getMessage() + ")", e);
        }
    }
}

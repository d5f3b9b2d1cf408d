package org.contextencoder.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.contextencoder.io.AtomicFiles;

/** Per-epoch training and validation loss, as {@code history.csv} ({@code epoch,train_loss,val_loss,seconds}). */
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
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.1f%n", r.epoch(), r.trainLoss(), r.valLoss(), r.seconds()));
        }
        return sb.toString();
    }

    public void write(Path file) {
        AtomicFiles.write(file, toCsv());
    }

    public static LossHistory read(Path file) {
        LossHistory h = new LossHistory();
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                h.add(new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        f.length > 3 ? Double.parseDouble(f[3]) : 0));
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read loss history " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a loss history (" + e.getMessage() + ")", e);
        }
    }
}

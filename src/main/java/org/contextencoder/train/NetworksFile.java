package org.contextencoder.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Networks with their optimizer state (weights, updater state, iteration count, learning rate) in one file, so a
 * discriminator of any number of networks is one part of a checkpoint: a zip holding each network's own DL4J zip,
 * in order.
 */
final class NetworksFile {

    private NetworksFile() {
    }

    static void write(List<MultiLayerNetwork> networks, Path file) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < networks.size(); i++) {
                // DL4J closes the stream it writes to, so each network is written whole before it joins the zip.
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ModelSerializer.writeModel(networks.get(i), bytes, true);
                zip.putNextEntry(new ZipEntry("network-" + i + ".zip"));
                bytes.writeTo(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    static List<MultiLayerNetwork> read(Path file) {
        List<MultiLayerNetwork> networks = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().equals("network-" + networks.size() + ".zip")) {
                    throw new IOException("unexpected entry " + e.getName());
                }
                networks.add(ModelSerializer.restoreMultiLayerNetwork(
                        new ByteArrayInputStream(zip.readAllBytes()), true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the networks in " + file + ": " + e.getMessage(), e);
        }
        return networks;
    }
}

package org.contextencoder.kernel;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Maven repository in a directory (file://, no network), whose artifacts are compiled from Java source. */
final class TestMavenRepository {

    private final Path root;

    TestMavenRepository(Path root) {
        this.root = root;
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Publishes {@code group:artifact:version} with the classes of {@code sources} (class name to source),
     * compiled against its dependencies; each dependency is {@code group:artifact:version[:scope]}.
     */
    void publish(String coordinates, Map<String, String> sources, String... dependencies) throws IOException {
        String[] gav = coordinates.split(":");
        Path dir = root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2]);
        Files.createDirectories(dir);
        String base = gav[1] + "-" + gav[2];
        writeWithChecksum(dir.resolve(base + ".pom"), pom(gav, dependencies).getBytes(StandardCharsets.UTF_8));
        writeWithChecksum(dir.resolve(base + ".jar"), jar(sources, dependencies));
    }

    private byte[] jar(Map<String, String> sources, String[] dependencies) throws IOException {
        Path work = Files.createTempDirectory("test-artifact");
        List<String> arguments = new ArrayList<>(List.of("-d", work.resolve("classes").toString(), "-cp",
                String.join(":", Stream.of(dependencies).map(this::jarOf).toList())));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "test sources must compile");
        Path jar = work.resolve("artifact.jar");
        Path classes = work.resolve("classes");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return Files.readAllBytes(jar);
    }

    private String jarOf(String dependency) {
        String[] gav = dependency.split(":");
        return root.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".jar").toString();
    }

    private static String pom(String[] gav, String[] dependencies) {
        StringBuilder pom = new StringBuilder("<project><modelVersion>4.0.0</modelVersion>")
                .append("<groupId>").append(gav[0]).append("</groupId><artifactId>").append(gav[1])
                .append("</artifactId><version>").append(gav[2]).append("</version><dependencies>");
        for (String dependency : dependencies) {
            String[] d = dependency.split(":");
            pom.append("<dependency><groupId>").append(d[0]).append("</groupId><artifactId>").append(d[1])
                    .append("</artifactId><version>").append(d[2]).append("</version>")
                    .append(d.length > 3 ? "<scope>" + d[3] + "</scope>" : "").append("</dependency>");
        }
        return pom.append("</dependencies></project>").toString();
    }

    private static void writeWithChecksum(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(content);
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), HexFormat.of().formatHex(sha1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.contextencoder.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code %maven group:artifact:version ...} and {@code %mavenRepo id url}, as in IJava and JJava: artifacts and
 * their runtime dependencies join the cells' classpath. A jar whose classes the classpath already has (a
 * different version of a library the kernel ships, say) is not added but reported, since cells would silently
 * get the classes already there.
 */
final class MavenMagic {

    private final Supplier<MavenResolver> resolverFactory;
    private final CellEvaluator evaluator;
    private final ClasspathOverlap overlap = new ClasspathOverlap();
    private MavenResolver resolver;

    /** {@code resolverFactory} is called on first use: setting up Maven's resolver takes most of a second. */
    MavenMagic(Supplier<MavenResolver> resolverFactory, CellEvaluator evaluator) {
        this.resolverFactory = resolverFactory;
        this.evaluator = evaluator;
    }

    /** {@code %maven}: resolves, adds what does not clash, and prints what was added and what was not. */
    Object maven(CellSource.Magic call) {
        List<String> coordinates = call.words();
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("usage: %maven group:artifact:version ... (e.g. %maven "
                    + "org.apache.commons:commons-text:1.12.0)");
        }
        for (MavenResolver.Resolved artifact : resolver().resolve(coordinates)) {
            Optional<ClasspathOverlap.Overlap> clash = overlap.find(artifact.file(), evaluator.classpath());
            if (clash.isEmpty()) {
                evaluator.addToClasspath(artifact.file().toString());
                System.out.println("Added " + artifact.coordinates() + " (" + artifact.file() + ")");
            } else if (sameFile(artifact.file(), clash.get().entry())) {
                System.out.println("Already on the classpath: " + artifact.coordinates() + " ("
                        + clash.get().entry() + ")");
            } else {
                ClasspathOverlap.Overlap found = clash.get();
                System.err.println("Not added: " + artifact.coordinates() + " conflicts with " + found.entry()
                        + ", already on the classpath, which has " + found.classes() + " of its " + found.of()
                        + " classes; cells go on using those");
            }
        }
        return null;
    }

    /** {@code %mavenRepo id url}: a repository for later {@code %maven}s, searched after those already there. */
    Object mavenRepo(CellSource.Magic call) {
        List<String> words = call.words();
        if (words.size() != 2) {
            throw new IllegalArgumentException("usage: %mavenRepo ID URL (e.g. %mavenRepo snapshots "
                    + "https://oss.sonatype.org/content/repositories/snapshots/)");
        }
        boolean replaced = resolver().addRepository(words.get(0), words.get(1));
        System.out.println((replaced ? "Maven repository changed: " : "Maven repository added: ") + words.get(0)
                + " (" + words.get(1) + "); %maven now searches " + resolver().describeRepositories());
        return null;
    }

    private MavenResolver resolver() {
        if (resolver == null) {
            resolver = resolverFactory.get();
        }
        return resolver;
    }

    /** The same artifact, from the local repository or copied beside the kernel (copy-dependencies keeps names). */
    private static boolean sameFile(Path resolved, Path present) {
        return resolved.getFileName().equals(present.getFileName());
    }
}

package org.contextencoder.kernel;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves Maven artifacts and their runtime dependencies with Maven's own resolver, as {@code mvn} would: from a
 * local repository (normally {@code ~/.m2/repository}) and remote repositories (normally Maven Central).
 */
final class MavenResolver {

    static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";
    private static final Set<String> SCHEMES = Set.of("http", "https", "file");

    /** A resolved artifact: its {@code group:artifact:version} (with extension/classifier if not a plain jar). */
    record Resolved(String coordinates, Path file) {
    }

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();

    /** Resolves into {@code localRepository}, from no remote repository until {@link #addRepository}. */
    MavenResolver(Path localRepository) {
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        // For POM profiles that activate on the JDK or OS, as under mvn.
        session.setSystemProperties(System.getProperties());
    }

    /** What users of IJava and JJava expect: {@code ~/.m2/repository} and Maven Central. */
    static MavenResolver standard() {
        MavenResolver resolver = new MavenResolver(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        resolver.addRepository("central", CENTRAL_URL);
        return resolver;
    }

    /**
     * Adds a remote repository, searched after those before it; an existing {@code id} gets the new URL.
     *
     * @return whether {@code id} was already there
     */
    boolean addRepository(String id, String url) {
        String scheme = URI.create(url).getScheme();
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase())) {
            throw new IllegalArgumentException("a Maven repository's URL starts with http://, https:// or file://, not '"
                    + url + "'");
        }
        return repositories.put(id, new RemoteRepository.Builder(id, "default", url).build()) != null;
    }

    /**
     * Resolves {@code coordinates} ({@code group:artifact[:extension[:classifier]]:version}) together, so that
     * Maven mediates between their dependencies, and returns every artifact needed at run time, requested first.
     *
     * @throws IllegalArgumentException if coordinates are malformed or an artifact cannot be resolved
     */
    List<Resolved> resolve(List<String> coordinates) {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(artifact(coordinate), JavaScopes.RUNTIME));
        }
        collect.setRepositories(system.newResolutionRepositories(session, List.copyOf(repositories.values())));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            List<Resolved> resolved = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                Artifact artifact = result.getArtifact();
                resolved.add(new Resolved(coordinatesOf(artifact), artifact.getFile().toPath()));
            }
            return resolved;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("cannot resolve " + String.join(" ", coordinates) + " from "
                    + describeRepositories() + ": " + e.getMessage(), e);
        }
    }

    String describeRepositories() {
        return repositories.isEmpty() ? "no repository"
                : String.join(", ", repositories.values().stream().map(r -> r.getId() + " (" + r.getUrl() + ")").toList());
    }

    private static Artifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinates + "' is not a Maven artifact: write it as "
                    + "group:artifact:version, e.g. org.apache.commons:commons-text:1.12.0", e);
        }
    }

    private static String coordinatesOf(Artifact artifact) {
        String kind = artifact.getExtension().equals("jar") && artifact.getClassifier().isEmpty() ? ""
                : ":" + artifact.getExtension() + (artifact.getClassifier().isEmpty() ? "" : ":" + artifact.getClassifier());
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + kind + ":" + artifact.getVersion();
    }
}

package dev.aiinfra.conformance.apiserver.render;

import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.examples.catalog.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every object bundle an example program exposes: each public static method without parameters
 * that returns a {@link ManifestBundle}, in every class of {@code dev.aiinfra.examples} (found on
 * the class path, so a new program is picked up without a list to edit). Methods with parameters
 * (e.g. a gang target) are covered by the scenarios that enumerate those parameters.
 */
final class ExamplePrograms {
  private ExamplePrograms() {}

  /** "Class.method()" → the method, sorted by name. */
  static List<Map.Entry<String, Method>> bundleMethods() {
    List<Map.Entry<String, Method>> out = new ArrayList<>();
    for (String className : exampleClasses()) {
      Class<?> c;
      try {
        c = Class.forName(className);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load example class " + className, e);
      }
      for (Method m : c.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == ManifestBundle.class
            && m.getDeclaringClass() == c) {
          out.add(Map.entry(c.getSimpleName() + "." + m.getName() + "()", m));
        }
      }
    }
    out.sort(Map.Entry.comparingByKey());
    return out;
  }

  static ManifestBundle call(Method m) {
    try {
      return (ManifestBundle) m.invoke(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static List<String> exampleClasses() {
    Path root;
    try {
      root = Path.of(Examples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try {
      if (Files.isDirectory(root)) {
        return classesUnder(root);
      }
      try (FileSystem jar = FileSystems.newFileSystem(root)) {
        return classesUnder(jar.getPath("/"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the example classes in " + root, e);
    }
  }

  private static List<String> classesUnder(Path root) throws IOException {
    Path pkg = root.resolve("dev/aiinfra/examples");
    try (Stream<Path> files = Files.walk(pkg)) {
      return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .sorted(Comparator.comparing(Path::toString))
          .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .toList();
    }
  }
}

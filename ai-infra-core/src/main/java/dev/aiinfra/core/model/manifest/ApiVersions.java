package dev.aiinfra.core.model.manifest;

/** Splits {@code apiVersion} into group and version: {@code apps/v1} is ("apps", "v1"), {@code v1} is ("", "v1"). */
public final class ApiVersions {
  private ApiVersions() {}

  public static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public static String version(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }
}

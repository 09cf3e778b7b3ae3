package dev.aiinfra.core.model.dns;

/**
 * The C library whose stub resolver walks the search list: glibc (Debian, Ubuntu, RHEL images) or
 * musl (Alpine). They differ in when they query a name as-is and in which answers stop the walk.
 */
public enum ResolverFlavor {
  GLIBC,
  MUSL
}

package dev.aiinfra.sandbox.render.agent;

import java.nio.charset.StandardCharsets;

/** Names and labels the Agent Sandbox controller derives from a sandbox's name. */
public final class SandboxNames {
  /** On every pod and Service the controller creates for a sandbox; also the Service selector. */
  public static final String NAME_HASH_LABEL = "agents.x-k8s.io/sandbox-name-hash";

  /** The sandbox router's pod label, the only ingress source of the controller's default policy. */
  public static final String ROUTER_LABEL_KEY = "app";

  public static final String ROUTER_LABEL_VALUE = "sandbox-router";

  private SandboxNames() {}

  /** FNV-1a 32-bit of the name as 8 lowercase hex digits, like the controller's {@code NameHash}. */
  public static String nameHash(String name) {
    int hash = 0x811c9dc5;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return String.format("%08x", hash);
  }
}

package dev.aiinfra.conformance.apiserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class (or method) against a real kube-apiserver + etcd on loopback
 * ({@code conformance/cmd/controlplane}); its test methods and constructor may take an
 * {@link ApiServer} parameter. One server per JVM, started on first use and stopped when the test
 * run ends. Skipped, with the reason printed, unless {@code -Dai-infra.controlplane=PATH} names the
 * binary built by {@code conformance/cluster/build}. Test classes are named {@code *ApiServerTest}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ApiServerExtension.class)
@Tag("apiserver")
public @interface RealApiServer {}

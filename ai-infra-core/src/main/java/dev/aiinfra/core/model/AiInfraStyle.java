package dev.aiinfra.core.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every ai-infra value type uses.
 *
 * <p>Generated {@code Immutable*} classes stay package-private; users reach them through the
 * abstract type ({@code GangSpec.builder()}, {@code spec.withMinCount(4)},
 * {@code GangSpec.builder().from(old)}). Missing mandatory attributes raise {@link
 * InvalidSpecException} like every other validation failure.
 *
 * <p>Generated builders are package-private too: a type's public {@code Builder} extends its
 * generated one, so Javadoc documents every builder method ({@code addX}, {@code addAllX}, {@code
 * from}, …) on the public {@code Builder} itself instead of listing them, undocumented, as inherited
 * from a class users cannot see.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    depluralizeDictionary = {
      "search:searches", "address:addresses", "class:classes", "status:statuses", "policy:policies",
      "entry:entries", "capacity:capacities", "family:families", "priority:priorities",
      "process:processes", "index:indices", "query:queries", "toleration:tolerations",
      "taint:taints", "child:children", "strategy:strategies", "proxy:proxies", "rule:rules",
      "series:series", "metadata:metadata", "data:data"
    },
    get = {"is*", "get*"},
    throwForInvalidImmutableState = InvalidSpecException.class,
    defaults = @Value.Immutable(copy = true))
public @interface AiInfraStyle {}

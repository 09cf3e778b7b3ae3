/**
 * Facts about manifests that need no Kubernetes client: the order objects are applied in, the
 * API groups and kinds ai-infra knows, and object identity.
 */
@AiInfraStyle
package dev.aiinfra.core.model.manifest;

import dev.aiinfra.core.model.AiInfraStyle;

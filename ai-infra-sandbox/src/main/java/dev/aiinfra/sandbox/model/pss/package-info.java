/**
 * What the Pod Security Standards checks read from a pod (Pod Security Admission, KEP-2579): the
 * security-relevant fields of a pod spec and its containers, the level and the policy version.
 */
@AiInfraStyle
package dev.aiinfra.sandbox.model.pss;

import dev.aiinfra.core.model.AiInfraStyle;

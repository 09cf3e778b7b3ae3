/**
 * Node-side scheduling vocabulary with the API's matching semantics: taints and tolerations
 * ({@code FindMatchingUntoleratedTaint}), node selector requirements and terms (required node
 * affinity, ResourceSlice node selection), and a node's schedulable shape.
 */
@AiInfraStyle
package dev.aiinfra.core.model.node;

import dev.aiinfra.core.model.AiInfraStyle;

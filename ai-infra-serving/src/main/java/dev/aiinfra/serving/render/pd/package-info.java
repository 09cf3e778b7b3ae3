/** Reading the planner's GPU and model catalogs (JSON or YAML) shipped as resources or supplied by users. */
package dev.aiinfra.serving.render.pd;

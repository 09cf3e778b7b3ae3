/** Output for the command: JSON trees with the contract's field names, and short text tables. */
package dev.aiinfra.cli.output;

/**
 * Checkpoint state as primitive values: engines write their whole dynamic state to a
 * {@link palsim.core.state.StateWriter} and continue from a {@link palsim.core.state.StateReader};
 * storing the values (files, checksums, format versions) is the application's business.
 */
package palsim.core.state;

/**
 * The Tettpå sync simulator: many field devices (each an SDK client on its own SQLite file) of several workers,
 * against one server, with random offline periods and faults injected; at the end it checks that every device
 * converged to the server and that nothing any device wrote was lost. Run {@link no.tettpa.simulator.SimulatorMain}.
 */
package no.tettpa.simulator;

package no.tettpa.simulator;

package no.tettpa.bench;

package no.tettpa.client;

/**
 * Network-safe downloads of remote media: every address of a host is checked (no loopback, private,
 * link-local or cloud-metadata targets unless allowed) and the connection goes to that very address.
 * Here, below the service, so the CLI's render command and the service's intake share one fetcher;
 * the server adds its webhook-only rules (allowed hosts, target guard) on top.
 */
package dev.smelter.video.render.fetch;

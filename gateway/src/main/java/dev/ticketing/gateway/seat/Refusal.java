package dev.ticketing.gateway.seat;

/** reservation-service's answer to a hold on a seat that was taken, as the gateway repeats it. */
record Refusal(String contentType, byte[] body) {
}

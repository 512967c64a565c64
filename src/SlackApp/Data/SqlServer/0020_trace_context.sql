-- Tracing: the W3C traceparent of the request that brought each signal, so matching and each notification sent for
-- it (the outbox reads it through its join to signals) continue that request's trace across the queue. NULL when
-- tracing was off.
ALTER TABLE signals ADD trace_parent VARCHAR(64) NULL;

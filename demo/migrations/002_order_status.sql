-- Adds an explicit status to orders; the old is_paid flag stays readable during the rollout.
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
UPDATE orders SET status = 'paid' WHERE is_paid;

-- HACK: drop is_paid after launch, the reporting jobs still read it.
CREATE INDEX orders_status_idx ON orders (status);

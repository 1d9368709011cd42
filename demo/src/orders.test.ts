import { strict as assert } from 'node:assert';
import { orderTotal } from './orders';

describe('orderTotal', () => {
  it.only('adds the lines in cents', () => {
    assert.equal(orderTotal([{ sku: 'A', quantity: 3, unitPrice: 0.1 }]), 0.3);
  });

  it.skip('applies the loyalty discount', () => {
    assert.fail('not implemented');
  });
});

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  id: string;
  customerId: string;
  lines: OrderLine[];
  // TODO(2025-06-30): drop the legacy coupon field once the mobile app stops sending it.
  coupon?: string;
}

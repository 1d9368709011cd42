Feature: Checkout
  Customers pay for the items in their cart.

  Scenario: Paying with a saved card
    Given a cart with 2 items
    When the customer pays with their saved card
    Then the order status is "paid"

  # TODO: cover 3-D Secure challenges, tested by hand for now.
  Scenario: Paying with a new card
    Given a cart with 1 item
    When the customer pays with a new card
    Then the order status is "paid"

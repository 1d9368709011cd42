package main

import (
	"net/http/httptest"
	"testing"
)

func TestStockHandler(t *testing.T) {
	if testing.Short() {
		t.Skip("talks to the real handler")
	}
	recorder := httptest.NewRecorder()
	stockHandler(recorder, httptest.NewRequest("GET", "/stock?sku=A1", nil))
	if recorder.Code != 200 {
		t.Fatalf("status %d", recorder.Code)
	}
}

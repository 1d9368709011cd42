package main

import (
	"fmt"
	"log"
	"net/http"
)

// stockHandler reports the stock level of one SKU.
func stockHandler(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	// TODO(INV-42): read stock from the warehouse service instead of a constant.
	fmt.Fprintf(w, `{"sku": %q, "available": 12}`, sku)
}

func main() {
	http.HandleFunc("/stock", stockHandler)
	log.Fatal(http.ListenAndServe(":8080", nil))
}

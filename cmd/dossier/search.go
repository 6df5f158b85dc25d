package main

import "io"

// STUB
func runSearch(args []string, stdout, stderr io.Writer) int { return exitOK }

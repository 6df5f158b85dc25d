package main

import "io"

// STUB
func runList(args []string, stdout, stderr io.Writer) int { return exitOK }

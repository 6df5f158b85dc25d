package main

import "io"

// STUB
func runShow(args []string, stdout, stderr io.Writer) int { return exitOK }

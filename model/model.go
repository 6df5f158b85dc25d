// Package model is dossier's Bubble Tea model: state, Init/Update, the key
// map, focus, messages and commands. Drawing is left to package ui.
package model

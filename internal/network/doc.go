// Package network is the table of social networks marque knows: one entry
// per network, so that adding a network is adding one entry. Every stage
// that needs a network's name, label or limits reads it from here.
package network

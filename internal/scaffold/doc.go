// Package scaffold writes new kits and new posts for `marque new`. It never
// overwrites: a target that exists is refused.
package scaffold

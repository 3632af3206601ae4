// Package output holds the write stage: the site as an in-memory [Tree], and
// [Write], which puts a tree on disk atomically. Nothing else in marque
// writes into the output folder.
package output

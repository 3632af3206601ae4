// Package i18n holds the words of the rendered site in each built-in
// language: the theme's strings, dates written out in full and reading
// times. The render stage picks one [Strings] for the kit's language and
// hands it to the theme's templates.
package i18n

package main

// brandTOML is the kit's profile: a French-speaking accessibility consultant
// with five networks. It sets no photo, cover or logo, so that the timing
// is about pages, not image encoding. Its colours pass the contrast check
// and its shortest bio fits every configured network's shortest field.
const brandTOML = `[person]
name     = "Léa Moreau"
role     = "Consultante en accessibilité numérique"
tagline  = "Des services en ligne que tout le monde peut utiliser"
location = "Nantes"
language = "fr"
site_url = "https://bench.example"
email    = "bonjour@bench.example"

[strategy]
audience   = "Collectivités et PME de l’Ouest qui publient des services en ligne"
message    = "L’accessibilité se prévoit dès la première maquette"
objectives = ["Trois audits par trimestre", "Une formation inter-entreprises par semestre"]
market     = "b2b"

[identity]
colors       = { primary = "#1F3A5F", accent = "#A63A1C", background = "#FAF7F2", text = "#1B1B1B", muted = "#5F6368" }
min_contrast = 4.5
card_style   = "solid"

[voice]
person             = "first"
address            = "vous"
max_sentence_words = 28
max_exclamations   = 1
emoji              = "bios"
claims             = true
readability        = 50
banned             = ["synergie", "disruptif*", "game changer", "leverage"]
confidential       = ["Orion", "Banque Dupuis", "Projet Atlas"]

[voice.prefer]
"e-mail"   = "courriel"
"impacter" = "influencer"
"digital"  = "numérique"

[bio]
candidates = [
  "Consultante en accessibilité numérique à Nantes. J’aide les collectivités et les PME à rendre leurs services en ligne utilisables par tout le monde : audits, formations et accompagnement des équipes.",
  "Consultante en accessibilité numérique à Nantes. Audits, formations et accompagnement des équipes.",
  "Accessibilité numérique · Nantes",
]

[networks.linkedin]
handle = "lea-moreau"
url    = "https://www.linkedin.com/in/lea-moreau"
goal   = "Trouver des clients parmi les collectivités"

[networks.mastodon]
handle = "@leamoreau@piaille.fr"
url    = "https://piaille.fr/@leamoreau"
goal   = "Échanger avec la communauté du Web accessible"

[networks.bluesky]
handle = "leamoreau.bsky.social"
url    = "https://bsky.app/profile/leamoreau.bsky.social"
goal   = "Partager les articles du blog"

[networks.github]
handle = "leamoreau"
url    = "https://github.com/leamoreau"
goal   = "Publier les outils d’audit"

[networks.x]
handle = "leamoreau"
url    = "https://x.com/leamoreau"
goal   = "Suivre l’actualité des normes"

[links]
utm = true

[calendar]
cadence = "weekly"
`

// aboutBody is the About page's text, the same on both sides.
const aboutBody = `Je suis consultante en accessibilité numérique à Nantes depuis dix ans.
J’accompagne les collectivités et les PME qui publient des services en ligne.

## Ce que je fais

- des audits selon le RGAA, avec un plan d’action chiffré ;
- des formations pour les équipes de conception et de développement ;
- un accompagnement au long cours, de la maquette à la mise en ligne.

## Me contacter

Écrivez-moi à [bonjour@bench.example](mailto:bonjour@bench.example) ou lisez
[les articles du blog](/posts/) pour voir comment je travaille.
`

// aboutMD is content/about.md in the kit: marque takes its title from the
// theme strings, so it is only the body.
var aboutMD = frenchTypo(aboutBody)

// hugoAboutMD is the same page for Hugo, which needs a title.
var hugoAboutMD = "+++\ntitle = \"À propos\"\n+++\n\n" + aboutMD

// hugoTOML configures Hugo to produce what marque produces: posts under
// /posts/<slug>/, a paginated post list, tags, a home page, a feed for the
// home page only (Atom, the 20 latest posts in full, as feed.xml), a sitemap
// and robots.txt; no syntax highlighting, which
// marque does not have, and no category taxonomy, which it does not know.
const hugoTOML = `baseURL = "https://bench.example/"
languageCode = "fr"
defaultContentLanguage = "fr"
title = "Léa Moreau"
enableRobotsTXT = true
paginate = 10
disableHugoGeneratorInject = true

[params]
role = "Consultante en accessibilité numérique"
tagline = "Des services en ligne que tout le monde peut utiliser"
location = "Nantes"
email = "bonjour@bench.example"

[permalinks]
posts = "/posts/:filename/"

[taxonomies]
tag = "tags"

[mediaTypes."application/atom+xml"]
suffixes = ["xml"]

[outputFormats.Atom]
mediaType = "application/atom+xml"
baseName = "feed"
rel = "alternate"

[outputs]
home = ["HTML", "Atom"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
page = ["HTML"]

[markup.highlight]
codeFences = false

[[menu.main]]
name = "Articles"
url = "/posts/"
weight = 1

[[menu.main]]
name = "Sujets"
url = "/tags/"
weight = 2

[[menu.main]]
name = "À propos"
url = "/about/"
weight = 3

[[params.networks]]
label = "LinkedIn"
url = "https://www.linkedin.com/in/lea-moreau"

[[params.networks]]
label = "Mastodon"
url = "https://piaille.fr/@leamoreau"

[[params.networks]]
label = "Bluesky"
url = "https://bsky.app/profile/leamoreau.bsky.social"

[[params.networks]]
label = "GitHub"
url = "https://github.com/leamoreau"

[[params.networks]]
label = "X"
url = "https://x.com/leamoreau"
`

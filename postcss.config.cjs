// Mantine's PostCSS setup (https://mantine.dev/styles/postcss-preset/): mixins such as
// `@mixin smaller-than sm`, rem()/em(), and the breakpoint variables usable in media queries.
module.exports = {
  plugins: {
    "postcss-preset-mantine": {},
    "postcss-simple-vars": {
      variables: {
        "mantine-breakpoint-xs": "36em",
        "mantine-breakpoint-sm": "48em",
        "mantine-breakpoint-md": "62em",
        "mantine-breakpoint-lg": "75em",
        "mantine-breakpoint-xl": "88em",
      },
    },
  },
};

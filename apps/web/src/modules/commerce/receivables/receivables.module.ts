// What the receivables part adds to the app (navigation links, record page extensions); imported once by commerce.module.ts.
export {};

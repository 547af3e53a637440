<?php
// Test-only users of the e2e IdP.
$config = [
    'admin' => ['core:AdminPassword'],
    'example-userpass' => [
        'exampleauth:UserPass',
        'alice:alice-pw' => [
            'uid' => ['alice'], 'mail' => ['alice@saml.e2e.test'], 'displayName' => ['Alice Saml'],
            'eduPersonAffiliation' => ['member', 'staff'],
        ],
        'bob:bob-pw' => [
            'uid' => ['bob'], 'mail' => ['bob@saml.e2e.test'], 'displayName' => ['Bob Saml'],
            'eduPersonAffiliation' => ['member'],
        ],
    ],
];

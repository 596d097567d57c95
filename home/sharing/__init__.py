"""Share links for messaging apps: a message in the page's language, carried in
plain links (WhatsApp, text message, email, Facebook), so no script runs and no
other site is asked for anything until a reader presses one."""

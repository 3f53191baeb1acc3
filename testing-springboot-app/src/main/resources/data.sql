INSERT INTO orders VALUES (7, 'alice'), (8, 'bob');

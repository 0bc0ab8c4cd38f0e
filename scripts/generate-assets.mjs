console.log('assets: placeholder');
